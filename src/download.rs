//! Offering a file the person asked for (an export, a report) from bytes already in memory:
//! a blob behind a temporary link with the `download` attribute. Both entries use it.

use wasm_bindgen::JsCast;

/// Offers `blob` as a download named `name`.
fn offer(name: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Some(a) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn of_type(content_type: &str) -> web_sys::BlobPropertyBag {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(content_type);
    opts
}

/// Offers a text (JSON, CSV) as a download.
pub fn offer_text(name: &str, text: &str, content_type: &str) {
    let parts = js_sys::Array::of1(&text.into());
    if let Ok(blob) =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &of_type(content_type))
    {
        offer(name, &blob);
    }
}

/// Offers bytes (an XLSX workbook) as a download.
pub fn offer_bytes(name: &str, bytes: &[u8], content_type: &str) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    if let Ok(blob) =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &of_type(content_type))
    {
        offer(name, &blob);
    }
}
