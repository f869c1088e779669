//! The QR code of a game's join link as SVG (the projector's lobby shows it; phones scan
//! it). Made on the server so the console ships no QR library.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG of the QR code for `url`, black on white with the standard quiet zone.
/// Medium error correction: still read from the back of a hall at a slant.
pub fn svg(url: &str) -> Result<String, qrcode::types::QrError> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(256, 256)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_join_link_becomes_an_svg() {
        let svg = super::svg("http://192.168.43.1:8080/gabung/482913").unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<svg") && svg.contains("#000000"));
    }
}
