//! Draws the demo generator needs on top of the core's seeded [`Rng`]: fractions, normal
//! noise, weighted picks. Everything follows from the seed, so a demo agency can be rebuilt.

use resapi_core::rng::Rng;

/// A uniform number in `[0, 1)`.
pub fn unit(rng: &mut Rng) -> f64 {
    // The top 53 bits: every f64 in [0, 1) with that spacing is equally likely.
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// True with probability `p`.
pub fn chance(rng: &mut Rng, p: f64) -> bool {
    unit(rng) < p
}

/// A uniform integer in `lo..=hi`.
pub fn between(rng: &mut Rng, lo: i64, hi: i64) -> i64 {
    lo + rng.below((hi - lo + 1).max(1) as usize) as i64
}

/// A normal draw (Box–Muller).
pub fn normal(rng: &mut Rng, mean: f64, sd: f64) -> f64 {
    let u1 = unit(rng).max(f64::MIN_POSITIVE);
    let u2 = unit(rng);
    mean + sd * (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// An index into `weights`, each chosen in proportion to its weight (0 if all are 0).
pub fn weighted(rng: &mut Rng, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut left = unit(rng) * total;
    for (i, w) in weights.iter().enumerate() {
        if left < *w {
            return i;
        }
        left -= w;
    }
    0
}

/// One of `items` (which must not be empty).
pub fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.below(items.len())]
}

/// A Poisson draw (Knuth's method; the demo's means are small).
pub fn poisson(rng: &mut Rng, mean: f64) -> u32 {
    if mean <= 0.0 {
        return 0;
    }
    if mean > 30.0 {
        return normal(rng, mean, mean.sqrt()).round().max(0.0) as u32;
    }
    let limit = (-mean).exp();
    let mut product = unit(rng);
    let mut count = 0;
    while product > limit {
        count += 1;
        product *= unit(rng);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_stay_in_range_and_follow_their_mean() {
        let mut rng = Rng::new(3);
        let n = 20_000;
        let mut sum = 0.0;
        for _ in 0..n {
            let u = unit(&mut rng);
            assert!((0.0..1.0).contains(&u));
            sum += normal(&mut rng, 2.0, 1.0);
        }
        assert!((sum / f64::from(n) - 2.0).abs() < 0.05);
        let mean_poisson: f64 = (0..n)
            .map(|_| f64::from(poisson(&mut rng, 3.0)))
            .sum::<f64>()
            / f64::from(n);
        assert!((mean_poisson - 3.0).abs() < 0.1);
        let picks = (0..n)
            .filter(|_| weighted(&mut rng, &[1.0, 3.0]) == 1)
            .count();
        assert!((picks as f64 / f64::from(n) - 0.75).abs() < 0.02);
    }
}
