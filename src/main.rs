//! The `onus` binary: everything happens in the library's [`onus::cli`].

/// The system allocator serialises the scan's many small allocations across threads; mimalloc
/// keeps them thread-local, which halves the time a large scan spends in malloc.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(onus::cli::run());
}
