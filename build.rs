//! The phone app's wasm is split at its lazy routes after linking (scripts/wasm-split/): the
//! splitter needs the linker's relocations, so the phone binary keeps them. They never reach a
//! browser: the splitter writes new modules without them.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=resapi=--emit-relocs");
    }
}
