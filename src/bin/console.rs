//! The console's entry (`console.html`, served at `/konsol/`): trainers' and unit admins'
//! laptop app. The phone app's entry is `src/main.rs`; both use the `resapi` library.

#[cfg(target_arch = "wasm32")]
fn main() {
    resapi::console::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Resapi's console runs in the browser: build it with scripts/build_web.sh.");
}
