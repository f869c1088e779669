#[cfg(target_arch = "wasm32")]
fn main() {
    resapi::phone::entry::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Resapi's web app runs in the browser: build it with trunk (see README).");
}
