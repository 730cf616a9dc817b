rule "google-sql-pg-log-statement" {
  title     = "PostgreSQL instance does not log data definition statements"
  severity  = "low"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.2.4"]
  }
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_111"]

  description = <<-EOT
    `log_statement` decides which SQL statements the server logs. At its default, `none`, a
    `DROP TABLE`, `ALTER ROLE` or `GRANT` leaves no trace in the database log, so destructive or
    privilege-changing statements cannot be traced afterwards. `ddl` logs every data definition
    statement; `mod` adds data-modifying statements and `all` logs everything. Database flags are
    the customer's configuration in Cloud SQL.

    The flag must be set to `ddl`, `mod` or `all` (in any case). The rule applies to PostgreSQL
    instances (`database_version` starting with `POSTGRES`).
  EOT
  remediation = "Add `database_flags { name = \"log_statement\" value = \"ddl\" }` to `settings`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags",
    "https://cloud.google.com/sql/docs/postgres/flags",
  ]

  when {
    attribute "database_version" {
      matches = "^POSTGRES"
    }
  }

  assert {
    some "settings.database_flags" {
      attribute "name" {
        equals = "log_statement"
      }
      attribute "value" {
        matches = "^(?i)(ddl|mod|all)$"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {  # expect: google-sql-pg-log-statement
        name             = "main"
        database_version = "POSTGRES_15"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {
        name             = "main"
        database_version = "POSTGRES_15"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          database_flags {
            name  = "log_statement"
            value = "none"  # expect: google-sql-pg-log-statement
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {
        name             = "main"
        database_version = "POSTGRES_15"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          database_flags {
            name  = "log_statement"
            value = "ddl"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {
        name             = "main"
        database_version = "MYSQL_8_0"
        region           = "europe-west1"
        settings {
          tier = "db-custom-2-7680"
        }
      }
    EOT
  }
}
