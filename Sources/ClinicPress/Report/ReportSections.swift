import Foundation

/// The report page's later sections, and the few lines of script that sort the documents table.
enum ReportSections {
    /// The summary's short list: overdue reviews, then the documents furthest over their target,
    /// then reviews due soon; at most five.
    static func worst(_ report: ContentReport) -> [String] {
        let overdue = report.documents.filter { $0.review?.status == .overdue }
            .sorted { ($0.review!.due!, $0.path) < ($1.review!.due!, $1.path) }
            .map { "\($0.title): review overdue since \($0.review!.due!.iso) (\($0.path))" }
        let grades = report.documents.filter(\.overTarget)
            .sorted { ($0.level.scores.grade - Double($0.target), $1.path) > ($1.level.scores.grade - Double($1.target), $0.path) }
            .map { "\($0.title): grade \(String(format: "%.1f", $0.level.scores.grade)), target \($0.target) (\($0.path))" }
        let soon = report.documents.filter { $0.review?.status == .dueSoon }
            .sorted { ($0.review!.due!, $0.path) < ($1.review!.due!, $1.path) }
            .map { "\($0.title): review due \($0.review!.due!.iso) (\($0.path))" }
        return Array((overdue + grades + soon).prefix(5))
    }

    static func schedules(_ report: ContentReport, source: (String, Int) -> String) -> String {
        var html = "<section aria-labelledby=\"schedules\"><h2 id=\"schedules\">Program schedules</h2>\n"
        guard !report.programs.isEmpty else { return html + "<p>The site has no programs.</p></section>\n" }
        html += "<div class=\"scroll\" role=\"region\" aria-labelledby=\"schedules\" tabindex=\"0\"><table>\n<thead><tr><th scope=\"col\">Program</th><th scope=\"col\">Usual weekly hours</th><th scope=\"col\">Track</th><th scope=\"col\">Days and times</th><th scope=\"col\">Weekly hours</th><th scope=\"col\">Room, shared with</th></tr></thead>\n<tbody>\n"
        for program in report.programs {
            let head = "<td>\(HTML.escape(program.title))<br>\(source(program.path, 0))</td><td>\(program.levelOfCare) for \(HTML.escape(program.audience)): \(HTML.escape(program.expectedHours))</td>"
            if program.tracks.isEmpty { html += "<tr>\(head)<td colspan=\"4\">no tracks</td></tr>\n" }
            for track in program.tracks {
                let hours = String(format: "%g", ReportJSON.rounded(track.weeklyHours))
                let room = track.location.map { HTML.escape($0) + (track.sharesRoomWith.isEmpty ? "" : ", shared with " + track.sharesRoomWith.map(HTML.escape).joined(separator: "; ")) } ?? "–"
                html += "<tr>\(head)<td>\(HTML.escape(track.name))<br>\(source(program.path, track.line))</td><td>\(track.days.joined(separator: ", ")) \(track.start)–\(track.end)</td>"
                html += "<td>\(hours)\(track.withinRange ? "" : " <strong>outside the usual range</strong>")</td><td>\(room)</td></tr>\n"
            }
        }
        return html + "</tbody></table></div></section>\n"
    }

    static func findings(_ report: ContentReport, source: (String, Int) -> String) -> String {
        var html = "<section aria-labelledby=\"findings\"><h2 id=\"findings\">All findings</h2>\n"
        guard !report.findings.isEmpty else { return html + "<p>Nothing to act on.</p></section>\n" }
        for kind in FindingKind.allCases {
            let found = report.findings.filter { $0.kind == kind }
            guard !found.isEmpty else { continue }
            html += "<h3>\(HTML.escape(kind.label)) (\(found.count))</h3>\n<ul>\n"
            for finding in found {
                html += "<li>\(source(finding.path, finding.line)) \(HTML.escape(finding.message))\(finding.hint.map { " <em>\(HTML.escape($0))</em>" } ?? "")</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    /// Progressive enhancement: each column heading becomes a button that sorts the rows by the
    /// cells' `data-value` (numbers as numbers); without script the table stays in path order.
    static let sortScript = """
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var heads = table.querySelectorAll("thead th");
      heads.forEach(function (th, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = th.textContent;
        th.textContent = "";
        th.appendChild(button);
        button.addEventListener("click", function () {
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          function key(row) { var cell = row.cells[column]; return cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent; }
          rows.sort(function (a, b) {
            var x = key(a), y = key(b), number = /^-?[0-9.]+$/;
            var order = number.test(x) && number.test(y) ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
    """
}

extension FindingKind {
    /// The kind in words, for the page and the terminal.
    public var label: String {
        switch self {
        case .grade: return "over reading-grade target"
        case .overdue: return "review overdue"
        case .dueSoon: return "review due within 60 days"
        case .neverReviewed: return "never reviewed"
        case .reviewer: return "no reviewer named"
        case .sources: return "articles without sources"
        case .hours: return "tracks outside the usual weekly hours"
        case .imageAlt: return "images without alt text"
        case .linkText: return "vague or bare-address link text"
        case .crisisBlock: return "articles without a crisis block"
        case .headingSkip: return "heading levels that skip"
        }
    }
}
