import Foundation

/// `renameat2(2)` with `RENAME_EXCHANGE` (Linux ≥ 3.15, glibc ≥ 2.28): atomically swaps
/// two directory entries, both of which must exist. Either both names point at their new
/// inodes or — if the call fails — neither changed; no process ever sees one name missing.
///
/// Swift's Glibc module does not export `renameat2` (it sits behind `_GNU_SOURCE`), and
/// the variadic `syscall(2)` cannot be called from Swift, so the glibc symbol is looked up
/// once with `dlsym` and called through its C signature.
enum RenameExchange {
    /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
    private static let exchangeFlag: UInt32 = 1 << 1

    private typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let function: Function? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }()

    /// Swaps `first` and `second`. Returns 0, or the `errno` of the failure (`ENOSYS` when
    /// the C library has no `renameat2`; `EINVAL` when the filesystem cannot exchange).
    static func exchange(_ first: String, _ second: String) -> Int32 {
        guard let function else { return ENOSYS }
        return function(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0 ? 0 : errno
    }
}
