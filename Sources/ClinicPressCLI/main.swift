import ArgumentParser
import ClinicPress
import Foundation

// Exit status: 0 built, 1 content errors, 2 usage errors (ArgumentParser's own would be 64).
do {
    var command = try ClinicPressCommand.parseAsRoot()
    if let serve = command as? ServeCommand {
        try await serve.run()
    } else {
        try command.run()
    }
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = ClinicPressCommand.exitCode(for: error)
    let message = ClinicPressCommand.fullMessage(for: error)
    if code == .success {
        print(message)
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    Foundation.exit(code == .failure ? 1 : 2)
}
