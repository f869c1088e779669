//! sqlx embeds the migrations when the crate compiles: a new migration file must rebuild it.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
