//! How the outbox is cut into sync requests: by count and by size, so that a phone with many
//! long reflections never builds a request the server (or a proxy in front of it) refuses
//! with 413, and a record too large to ever be accepted never blocks the ones behind it.

use resapi_core::sync::{MAX_RECORD_BYTES, SyncRecord};

/// `{"records":[` and `]}` around the records.
const ENVELOPE_BYTES: usize = 14;

/// A record's size as the server measures it: the bytes of its JSON.
pub fn record_bytes(record: &SyncRecord) -> usize {
    serde_json::to_vec(record).map_or(usize::MAX, |json| json.len())
}

/// The most the next request may carry. Starts at the protocol's limits; a 413 halves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub records: usize,
    pub bytes: usize,
}

impl Budget {
    /// After a 413 for a batch of `sent` records: half as many, never less than one.
    pub fn halved(self, sent: usize) -> Budget {
        Budget {
            records: (sent / 2).max(1),
            ..self
        }
    }
}

/// The pending records (oldest first) split for one request.
#[derive(Debug, Default, PartialEq)]
pub struct Cut {
    /// The next request's records, oldest first, within the budget (at least one record when
    /// any is sendable, even if that one alone is over the byte budget).
    pub batch: Vec<SyncRecord>,
    /// The bytes of the request body the batch makes.
    pub bytes: usize,
    /// Records over [`MAX_RECORD_BYTES`]: the server would refuse them whatever the batch,
    /// so they go to "needs attention" instead of being sent.
    pub too_large: Vec<(SyncRecord, usize)>,
}

pub fn cut(pending: Vec<SyncRecord>, budget: Budget) -> Cut {
    let mut out = Cut {
        bytes: ENVELOPE_BYTES,
        ..Cut::default()
    };
    for record in pending {
        let size = record_bytes(&record);
        if size > MAX_RECORD_BYTES {
            out.too_large.push((record, size));
            continue;
        }
        let separator = usize::from(!out.batch.is_empty());
        let full = out.batch.len() >= budget.records
            || (!out.batch.is_empty() && out.bytes + separator + size > budget.bytes);
        if full {
            continue; // keep looking for too-large records; the rest waits for the next request
        }
        out.bytes += separator + size;
        out.batch.push(record);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use resapi_core::sync::{BATCH_TARGET_BYTES, MAX_BATCH, Reflection};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn reflection(chars: usize, c: char) -> SyncRecord {
        let reflection = Reflection {
            module_id: "m".into(),
            text: c.to_string().repeat(chars),
        };
        SyncRecord::new(
            uuid::Uuid::now_v7(),
            uuid::Uuid::now_v7(),
            time::OffsetDateTime::now_utc(),
            &reflection,
        )
        .unwrap()
    }

    const FULL: Budget = Budget {
        records: MAX_BATCH,
        bytes: BATCH_TARGET_BYTES,
    };

    #[wasm_bindgen_test]
    fn long_reflections_are_cut_by_size_and_the_body_stays_under_the_target() {
        let pending: Vec<_> = (0..300).map(|_| reflection(5000, 'a')).collect();
        let first = cut(pending.clone(), FULL);
        assert!(first.batch.len() < 300, "300 × 5 KB do not fit one request");
        assert!(first.bytes <= BATCH_TARGET_BYTES);
        let body = serde_json::to_vec(&resapi_core::sync::SyncRequest {
            records: first.batch.clone(),
        })
        .unwrap();
        assert_eq!(
            body.len(),
            first.bytes,
            "the measured size is the body's size"
        );
        assert_eq!(
            first.batch[..],
            pending[..first.batch.len()],
            "oldest first"
        );
    }

    #[wasm_bindgen_test]
    fn a_record_over_the_limit_is_set_aside_and_the_rest_still_goes() {
        // A record whose JSON alone is over the per-record byte limit (an older app version
        // could have made one; the server would refuse it whatever the batch).
        let pending = vec![
            reflection(10, 'a'),
            reflection(resapi_core::sync::MAX_RECORD_BYTES, 'a'),
            reflection(10, 'b'),
        ];
        let out = cut(pending.clone(), FULL);
        assert_eq!(out.too_large.len(), 1);
        assert_eq!(out.too_large[0].0, pending[1]);
        assert_eq!(out.batch, vec![pending[0].clone(), pending[2].clone()]);
    }

    #[wasm_bindgen_test]
    fn halving_goes_down_to_one_record() {
        let pending: Vec<_> = (0..10).map(|_| reflection(100, 'a')).collect();
        let mut budget = FULL;
        let mut sizes = Vec::new();
        loop {
            let out = cut(pending.clone(), budget);
            sizes.push(out.batch.len());
            if out.batch.len() == 1 {
                break;
            }
            budget = budget.halved(out.batch.len());
        }
        assert_eq!(sizes, vec![10, 5, 2, 1]);
    }
}
