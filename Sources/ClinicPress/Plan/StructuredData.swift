import Foundation

/// A JSON value for schema.org structured data, encoded with sorted keys so output is stable.
indirect enum JSONValue: Encodable, Sendable {
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// JSON safe to place inside `<script type="application/ld+json">`: `<`, `>` and `&` are escaped
    /// so no value can close the script element.
    static func scriptJSON(_ values: [JSONValue]) -> String {
        guard !values.isEmpty else { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let value: JSONValue = values.count == 1 ? values[0] : .array(values)
        guard let data = try? encoder.encode(value) else { return "" }
        // One pass over the bytes: three Foundation replacements per page cost more than encoding.
        var escaped: [UInt8] = []
        escaped.reserveCapacity(data.count + 16)
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): escaped += Array("\\u003c".utf8)
                case UInt8(ascii: ">"): escaped += Array("\\u003e".utf8)
                case UInt8(ascii: "&"): escaped += Array("\\u0026".utf8)
                default: escaped.append(byte)
                }
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}

/// schema.org descriptions of the clinic, its programs, articles and workshop sessions. Every
/// property is one the type has in the schema.org vocabulary (the site checks validate it): the
/// clinic lists its programs as `availableService`, and a program's page is a `MedicalWebPage`
/// `about` the program, published by the clinic. Pages carry `inLanguage`.
struct StructuredData {
    let site: Site
    /// The language of the pages described (BCP 47, as in `<html lang>`).
    var language: String

    init(site: Site, language: String? = nil) {
        self.site = site
        self.language = language ?? site.settings.language
    }

    /// The clinic, named and linked: who publishes each page and organises each workshop.
    var clinicReference: JSONValue {
        object("MedicalClinic", ["name": .string(site.settings.name), "url": .string(site.baseURL)])
    }

    /// The home page: the website itself, in its language, and the clinic.
    var website: JSONValue {
        object("WebSite", [
            "@context": .string("https://schema.org"), "name": .string(site.settings.name), "url": .string(site.baseURL),
            "inLanguage": .string(language), "publisher": clinicReference,
        ])
    }

    func object(_ type: String, _ fields: [String: JSONValue?]) -> JSONValue {
        var result: [String: JSONValue] = ["@type": .string(type)]
        for (key, value) in fields { if let value { result[key] = value } }
        return .object(result)
    }

    var clinic: JSONValue {
        let s = site.settings
        let address = s.address.map { a in
            object("PostalAddress", [
                "streetAddress": a.street.map(JSONValue.string), "addressLocality": a.city.map(JSONValue.string),
                "addressRegion": a.region.map(JSONValue.string), "postalCode": a.postalCode.map(JSONValue.string),
                "addressCountry": a.country.map(JSONValue.string),
            ])
        }
        let hours = s.hours.map { h in
            object("OpeningHoursSpecification", [
                "dayOfWeek": .array(h.days.map { .string($0.schemaOrg) }),
                "opens": .string(h.opens.text), "closes": .string(h.closes.text),
            ])
        }
        var fields: [String: JSONValue?] = [
            "@context": .string("https://schema.org"), "name": .string(s.name), "url": .string(site.baseURL),
            "telephone": s.phone.map { .string($0.written) }, "email": s.email.map(JSONValue.string), "address": address,
            "medicalSpecialty": .string("Psychiatric"),
            "availableService": .array(site.programs.map { program($0, withContext: false) }),
        ]
        if !hours.isEmpty { fields["openingHoursSpecification"] = .array(hours) }
        if let description = s.description { fields["description"] = .string(description) }
        return object("MedicalClinic", fields)
    }

    func program(_ program: Program, withContext: Bool = true) -> JSONValue {
        object("PsychologicalTreatment", [
            "@context": withContext ? .string("https://schema.org") : nil,
            "name": .string(program.title), "description": .string(program.summary),
            "url": .string(site.baseURL + site.programPath(program.slug)),
        ])
    }

    /// A program's page: about the treatment, published by the clinic that offers it.
    func programPage(_ program: Program) -> JSONValue {
        object("MedicalWebPage", [
            "@context": .string("https://schema.org"), "name": .string(program.title),
            "description": .string(program.summary), "url": .string(site.baseURL + site.programPath(program.slug)),
            "about": self.program(program, withContext: false), "publisher": clinicReference,
            "inLanguage": .string(language),
        ])
    }

    func article(_ article: EducationArticle) -> JSONValue {
        object("MedicalWebPage", [
            "@context": .string("https://schema.org"), "name": .string(article.title),
            "description": .string(article.summary), "url": .string(site.baseURL + site.articlePath(article.slug)),
            "lastReviewed": .string(article.reviewed.iso), "datePublished": article.published.map { .string($0.iso) },
            "reviewedBy": object("Person", ["name": .string(article.reviewedBy)]),
            "audience": object("Audience", ["audienceType": .string(site.format.readers(article.audience))]),
            "inLanguage": .string(language), "publisher": clinicReference,
        ])
    }

    func sessions(_ series: WorkshopSeries) -> [JSONValue] {
        let offset = { (date: CalendarDate, time: TimeOfDay) -> String in
            ICalendar.isoDateTime(date: date, time: time, timeZone: site.timeZone)
        }
        return series.sessions.map { session in
            let place = session.location ?? series.location
            let location: JSONValue
            if place == nil, let url = series.onlineURL {
                location = object("VirtualLocation", ["url": .string(url)])
            } else {
                location = object("Place", [
                    "name": .string(place ?? site.settings.name),
                    "address": .string(site.settings.address?.lines.joined(separator: ", ") ?? site.settings.name),
                ])
            }
            return object("EducationEvent", [
                "@context": .string("https://schema.org"),
                "name": .string("\(series.title): \(session.title)"),
                "startDate": .string(offset(session.date, session.start)),
                "endDate": .string(offset(session.date, session.end)),
                "location": location,
                "eventAttendanceMode": .string(place == nil && series.onlineURL != nil
                    ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode"),
                "organizer": clinicReference,
                "inLanguage": .string(language),
                "url": .string(site.baseURL + site.workshopPath(series.slug)),
            ])
        }
    }
}
