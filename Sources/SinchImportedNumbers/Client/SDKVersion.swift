/// The version of this library, sent in the default `User-Agent`.
package enum SDKVersion {
    package static let current = "0.1.0"
}
