import Foundation
import LotseDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The account Lotse runs as, recorded as the author of every change.
///
/// The account comes from the password database for the effective user id
/// (`getpwuid(geteuid())`), never from `$USER` or `$LOGNAME`, which anybody can set to
/// another person's name. The display name beside it is `LOTSE_NAME`, else the first part
/// of the account's GECOS field (its full name, as `chfn` sets it), else none.
public enum SystemAccount {
    /// The effective user's login name; the numeric id when the password database has no
    /// entry for it (a container started with an arbitrary uid).
    public static func currentAccountName() -> String {
        entry(uid: geteuid())?.name ?? String(geteuid())
    }

    /// The author for this process: the account, and a display name from `environment`
    /// (`LOTSE_NAME`) or the password database.
    public static func current(environment: [String: String]) -> Author {
        let uid = geteuid()
        let found = entry(uid: uid)
        let configured = environment["LOTSE_NAME"].flatMap { $0.isEmpty ? nil : $0 }
        return Author(account: found?.name ?? String(uid), name: configured ?? found?.fullName)
    }

    /// The login name of the account with `uid`, or nil.
    public static func accountName(uid: uid_t) -> String? { entry(uid: uid)?.name }

    private static func entry(uid: uid_t) -> (name: String, fullName: String?)? {
        var record = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let status = getpwuid_r(uid, &record, &buffer, buffer.count, &result)
        guard status == 0, result != nil, let namePointer = record.pw_name else { return nil }
        let name = String(cString: namePointer)
        guard !name.isEmpty else { return nil }
        let gecos = record.pw_gecos.map { String(cString: $0) } ?? ""
        let full = gecos.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return (name, full.trimmingCharacters(in: .whitespaces).isEmpty ? nil : full)
    }
}
