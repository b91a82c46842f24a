/// Values a command deliberately never frees because the process ends right after it.
///
/// Freeing the analysis of a large ledger costs seconds of pure bookkeeping (a million
/// customers: tens of millions of column entries and a million verdicts, about 1–2 s on
/// two cores) that the kernel does at once when the process exits. Only for values whose
/// deinitialisers do nothing observable: no files, connections or buffered output.
enum ProcessExit {
    private final class Kept {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    static func keep(_ value: Any) {
        _ = Unmanaged.passRetained(Kept(value))
    }
}
