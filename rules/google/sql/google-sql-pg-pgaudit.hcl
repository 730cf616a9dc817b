rule "google-sql-pg-pgaudit" {
  title     = "PostgreSQL instance does not enable pgAudit"
  severity  = "medium"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.2.8"]
  }
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_110"]

  description = <<-EOT
    pgAudit writes detailed session and object audit records (who read or changed which table, and
    which roles were granted) to Cloud Audit Logs. Without it, database-level access to sensitive
    data cannot be reconstructed after an incident. Database flags are the customer's
    configuration in Cloud SQL; the `pgaudit.log` flag then chooses the statement classes.

    The flag is off by default, so it must be set to `on`.

    The rule applies to PostgreSQL instances (`database_version` starting with `POSTGRES`).
  EOT
  remediation = "Add `database_flags { name = \"cloudsql.enable_pgaudit\" value = \"on\" }` to the instance's `settings`."
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
        equals = "cloudsql.enable_pgaudit"
      }
      attribute "value" {
        equals = "on"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {  # expect: google-sql-pg-pgaudit
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
            name  = "cloudsql.enable_pgaudit"
            value = "off"  # expect: google-sql-pg-pgaudit
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
            name  = "cloudsql.enable_pgaudit"
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
