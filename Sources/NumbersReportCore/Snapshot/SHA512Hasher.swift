import CLibCrypto

/// SHA-512, the manifests' second digest of every payload byte, by OpenSSL's libcrypto (Debian's `libssl3`): it
/// picks its code for the CPU's vector units, AMD's too, where swift-crypto's BoringSSL gives AMD processors its
/// plain code (on this project's AMD EPYC machine: 1.16 GB/s against about 0.7).
final class SHA512Hasher {
    private let context: OpaquePointer

    init() {
        guard let context = EVP_MD_CTX_new() else { preconditionFailure("EVP_MD_CTX_new: out of memory") }
        guard EVP_DigestInit_ex(context, EVP_sha512(), nil) == 1 else {
            preconditionFailure("libcrypto refuses SHA-512 (EVP_DigestInit_ex): see the system's OpenSSL configuration")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Hashes the next bytes.
    func update(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
    }

    /// The digest of every byte given: 64 bytes. Call once.
    func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 64 else {
            preconditionFailure("libcrypto's SHA-512 gave no 64-byte digest")
        }
        return digest
    }
}
