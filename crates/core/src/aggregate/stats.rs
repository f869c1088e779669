//! Descriptive statistics the group figures and the measurement-quality checks share: mean,
//! sample variance, quantiles and Pearson correlation. Plain `f64` slices, no allocation
//! beyond a sorted copy for quantiles.

/// Arithmetic mean; `None` for no data.
pub fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// Sample variance (denominator n − 1); `None` below two values.
pub fn sample_variance(xs: &[f64]) -> Option<f64> {
    if xs.len() < 2 {
        return None;
    }
    let m = mean(xs)?;
    Some(xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (xs.len() - 1) as f64)
}

/// Sample standard deviation (denominator n − 1); `None` below two values.
pub fn sample_sd(xs: &[f64]) -> Option<f64> {
    sample_variance(xs).map(f64::sqrt)
}

/// The `q`-quantile (0–1) of sorted data by linear interpolation between closest ranks
/// (the spreadsheet `QUARTILE.INC` / R type 7 rule, so a leader checking in LibreOffice gets
/// the same number). `None` for no data.
pub fn quantile_sorted(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let pos = q.clamp(0.0, 1.0) * last as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64))
}

/// Pearson correlation of paired data; `None` when shorter than two pairs, of unequal
/// length, or when either side does not vary (the correlation is undefined, not 0).
pub fn pearson(xs: &[f64], ys: &[f64]) -> Option<f64> {
    if xs.len() != ys.len() || xs.len() < 2 {
        return None;
    }
    let (mx, my) = (mean(xs)?, mean(ys)?);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx).powi(2);
        syy += (y - my).powi(2);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variance_and_sd_use_n_minus_one() {
        // 2 4 4 4 5 5 7 9: mean 5, squared deviations sum to 32, 32 / 7.
        let xs = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        assert_eq!(mean(&xs), Some(5.0));
        assert!((sample_variance(&xs).unwrap() - 32.0 / 7.0).abs() < 1e-12);
        assert!((sample_sd(&xs).unwrap() - (32.0f64 / 7.0).sqrt()).abs() < 1e-12);
        assert_eq!(sample_variance(&[3.0]), None);
        assert_eq!(mean(&[]), None);
    }

    #[test]
    fn quartiles_interpolate_like_a_spreadsheet() {
        // QUARTILE.INC({1,2,3,4,10}; 1) = 2, median 3, Q3 = 4; of {1,2,3,4}: 1.75, 2.5, 3.25.
        let xs = [1.0, 2.0, 3.0, 4.0, 10.0];
        assert_eq!(quantile_sorted(&xs, 0.25), Some(2.0));
        assert_eq!(quantile_sorted(&xs, 0.5), Some(3.0));
        assert_eq!(quantile_sorted(&xs, 0.75), Some(4.0));
        let ys = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(quantile_sorted(&ys, 0.25), Some(1.75));
        assert_eq!(quantile_sorted(&ys, 0.5), Some(2.5));
        assert_eq!(quantile_sorted(&ys, 0.75), Some(3.25));
        assert_eq!(quantile_sorted(&[], 0.5), None);
    }

    #[test]
    fn pearson_is_undefined_without_variation() {
        assert!((pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]).unwrap() - 1.0).abs() < 1e-12);
        assert!((pearson(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]).unwrap() + 1.0).abs() < 1e-12);
        // x 1 2 3 4, y 1 3 2 4: sxy = 4, sxx = syy = 5 → 0.8.
        assert!(
            (pearson(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]).unwrap() - 0.8).abs() < 1e-12
        );
        assert_eq!(pearson(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(pearson(&[1.0], &[1.0]), None);
    }
}
