//! The `onus` binary: everything happens in the library's [`onus::cli`].

fn main() {
    std::process::exit(onus::cli::run());
}
