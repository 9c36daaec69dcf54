import GRDB

/// The store's schema as append-only, named migrations: never edit a registered migration, add a new one.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial") { db in
            try db.create(table: "masters") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("reference", .text).notNull().unique()
                t.column("sku", .text).notNull()
                t.column("first_seen", .text).notNull()
            }
            try db.create(table: "lots") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("lot", .text).notNull()
                t.column("sku", .text).notNull().indexed()
                t.column("supplier", .text).notNull()
                t.column("po", .text).notNull()
                t.column("master_id", .integer).notNull().references("masters", onDelete: .restrict)
                t.column("lot_size", .integer).notNull()
                t.column("inspection_level", .text).notNull()
                t.column("severity", .text).notNull()
                t.column("code_letter", .text).notNull()
                t.column("sample_size", .integer).notNull()
                t.column("counting", .text).notNull()
                t.column("aql", .text).notNull()
                t.column("photos", .integer).notNull()
                t.column("inspected", .integer).notNull()
                t.column("failed", .integer).notNull()
                t.column("defective", .integer).notNull()
                t.column("decision", .text).notNull()
                t.column("pattern", .text).notNull()
                t.column("scored_at", .text).notNull()
                t.column("first_scored_at", .text).notNull()
                t.column("switching", .text)
                t.column("report_json", .text).notNull()
                t.uniqueKey(["lot", "sku", "supplier"])
            }
            try db.create(table: "units") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("lot_id", .integer).notNull().indexed().references("lots", onDelete: .cascade)
                t.column("photo", .text).notNull()
                t.column("carton", .text)
                t.column("line", .text)
                t.column("date_code", .text)
                t.column("status", .text).notNull()
                t.column("worst_class", .text)
                t.column("in_sample", .boolean).notNull()
                t.column("overlay", .text)
                t.column("error", .text)
                t.uniqueKey(["lot_id", "photo"])
            }
            try db.create(table: "measurements") { t in
                t.column("unit_id", .integer).notNull().indexed().references("units", onDelete: .cascade)
                t.column("lot_id", .integer).notNull().indexed().references("lots", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("value", .double).notNull()
                t.primaryKey(["unit_id", "name"])
            }
            try db.create(table: "defects") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("unit_id", .integer).notNull().indexed().references("units", onDelete: .cascade)
                t.column("lot_id", .integer).notNull().indexed().references("lots", onDelete: .cascade)
                t.column("check", .text).notNull()
                t.column("class", .text).notNull()
                t.column("value", .double).notNull()
                t.column("limit", .double).notNull()
                t.column("message", .text).notNull()
            }
            try db.create(table: "switching_state") { t in
                t.column("sku", .text).notNull()
                t.column("supplier", .text).notNull()
                t.column("state", .text).notNull()
                t.column("status", .text).notNull()
                t.column("lots_recorded", .integer).notNull()
                t.column("updated_at", .text).notNull()
                t.primaryKey(["sku", "supplier"])
            }
        }
        return migrator
    }

    /// Names of all migrations, in order.
    static var names: [String] { migrator.migrations }
}
