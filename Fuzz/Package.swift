// swift-tools-version:6.0
// The libFuzzer target, kept out of the main package so `swift build` and `swift test` stay
// sanitizer-free. Run it with `make fuzz` from the repository root.
import PackageDescription

let package = Package(
    name: "ClinicPressFuzz",
    dependencies: [.package(name: "ClinicPress", path: "..")],
    targets: [
        .executableTarget(
            name: "ClinicPressFuzz",
            dependencies: [.product(name: "ClinicPress", package: "ClinicPress")],
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]
        )
    ]
)
