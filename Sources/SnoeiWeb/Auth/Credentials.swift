import Crypto
import Foundation
import HummingbirdBcrypt

/// Secrets: passwords are kept as bcrypt hashes; session and API tokens are random and only
/// their SHA-256 is stored, so a copy of the database lets nobody sign in.
public enum Credentials {
    /// Long enough to resist guessing at bcrypt's pace; no composition rules (NIST 800-63B).
    public static let minimumPasswordLength = 10

    /// bcrypt cost 12 (about a quarter of a second per hash on this kind of machine);
    /// tests pass a lower cost to stay quick.
    public static func hashPassword(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// 32 random bytes from the system's cryptographic generator, as 64 hex digits.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Compares without stopping at the first difference, so the time taken does not tell
    /// an attacker how much of a guessed token was right.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
