import Foundation

/// Where a document stands in its review cycle on the report's date.
public enum ReviewStatus: String, Sendable, Codable, CaseIterable {
    case ok, dueSoon = "due-soon", overdue, neverReviewed = "never-reviewed"

    /// "Due soon": the due date is within this many days of the report's date.
    public static let dueSoonDays = 60
    /// `review_every_months` when the file does not say.
    public static let defaultMonths = 12

    /// A review is due `months` after `reviewed`; a month end is kept (2024-01-31 + 1 month is
    /// 2024-02-29) and 29 February becomes 28 February in other years.
    public static func due(reviewed: CalendarDate, months: Int) -> CalendarDate { reviewed.adding(months: months) }

    /// Overdue on the day after the due date; due soon from 60 days before it, the due date included.
    public static func of(reviewed: CalendarDate?, months: Int, on date: CalendarDate) -> ReviewStatus {
        guard let reviewed else { return .neverReviewed }
        let days = due(reviewed: reviewed, months: months).daysSinceEpoch - date.daysSinceEpoch
        if days < 0 { return .overdue }
        return days <= dueSoonDays ? .dueSoon : .ok
    }
}
