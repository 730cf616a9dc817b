rule "google-sql-pg-log-disconnections" {
  title     = "PostgreSQL instance does not log session ends"
  severity  = "medium"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.2.3"]
  }
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_53", "AVD-GCP-0022", "google-sql-pg-log-disconnections"]

  description = <<-EOT
    `log_disconnections` writes the end of each session with its duration. Together with connection
    logging it tells an investigator how long an intruder's session lasted and which activity
    belongs to it. Database flags are the customer's configuration in Cloud SQL.

    The flag defaults to `off`, so it must be set to `on`.

    The rule applies to PostgreSQL instances (`database_version` starting with `POSTGRES`).
  EOT
  remediation = "Add `database_flags { name = \"log_disconnections\" value = \"on\" }` to the instance's `settings`."
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
        equals = "log_disconnections"
      }
      attribute "value" {
        equals = "on"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {  # expect: google-sql-pg-log-disconnections
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
            name  = "log_disconnections"
            value = "off"  # expect: google-sql-pg-log-disconnections
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
            name  = "log_disconnections"
            value = "on"
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
