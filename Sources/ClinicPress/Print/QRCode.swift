import CQRencode
import Foundation

/// QR codes for printed documents, made with libqrencode and drawn as inline SVG.
public enum QRCode {
    /// An SVG QR code for `text`, or nil when it cannot be encoded (too long).
    /// `size` is the printed width, such as `1.1in`; the code keeps a 4-module quiet zone.
    public static func svg(for text: String, label: String, size: String = "1.1in") -> String? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let quiet = 4
        var path = ""
        // One rectangle per run of dark modules in a row: a third of the path commands of one
        // square per module, which WeasyPrint parses noticeably faster (10 codes in a packet).
        for y in 0..<width {
            var x = 0
            while x < width {
                guard code.pointee.data[y * width + x] & 1 == 1 else { x += 1; continue }
                let start = x
                while x < width, code.pointee.data[y * width + x] & 1 == 1 { x += 1 }
                path += "M\(start + quiet) \(y + quiet)h\(x - start)v1h-\(x - start)z"
            }
        }
        let full = width + 2 * quiet
        // One filled path with a <title>: WeasyPrint tags it with that text in the PDF.
        return """
        <svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(full) \(full)" width="\(size)" height="\(size)" role="img" aria-label="\(HTML.escape(label))"><title>\(HTML.escape(label))</title><rect width="\(full)" height="\(full)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
        """
    }
}
