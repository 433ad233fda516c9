// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ClinicPress",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "clinicpress", targets: ["ClinicPressCLI"]),
        .library(name: "ClinicPress", targets: ["ClinicPress"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Named for the modules `clinicpress serve` imports; Hummingbird depends on them already.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev), found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libqrencode from the system (Debian: libqrencode-dev), for QR codes on printed documents.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // libvips from the system (Debian: libvips-dev), for photos: resized, re-encoded, metadata stripped.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // libhyphen from the system (Debian: libhyphen-dev, with the hyphen-en-us and hyphen-es patterns),
        // for the syllables of words the pronunciation dictionary lacks (`clinicpress report`).
        // Debian ships no hyphen.pc, so the module map links `hyphen` by name instead of pkg-config.
        .systemLibrary(
            name: "CHyphen",
            providers: [.apt(["libhyphen-dev", "hyphen-en-us", "hyphen-es"])]
        ),
        // Non-variadic wrappers around the libvips calls the engine makes (Swift cannot call `...`).
        .target(name: "CVipsShim", dependencies: ["CVips"]),
        // Turns Templates/ into Swift source at build time, so the default theme ships inside the tool.
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .target(
            name: "ClinicPress",
            dependencies: [
                "CCmark",
                "CQRencode",
                "CHyphen",
                "CVipsShim",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The starter site is embedded as text by the EmbedTheme plugin, not compiled.
            exclude: ["Scaffold/Starter"],
            plugins: ["EmbedTheme"]
        ),
        // `clinicpress serve`: the site from memory, rebuilt as files change. Apart from the engine,
        // so the engine's tests and fuzzing do not build an HTTP server.
        .target(
            name: "ClinicPressServe",
            dependencies: [
                "ClinicPress",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "ClinicPressCLI",
            dependencies: [
                "ClinicPress",
                "ClinicPressServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ClinicPressTests", dependencies: ["ClinicPress"]),
    ]
)
