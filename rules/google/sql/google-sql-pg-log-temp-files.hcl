rule "google-sql-pg-log-temp-files" {
  title     = "PostgreSQL instance does not log temporary file use"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_56", "AVD-GCP-0014", "google-sql-enable-pg-temp-file-logging"]

  description = <<-EOT
    `log_temp_files = 0` logs every temporary file a query creates, with its size. Large temporary
    files reveal queries that read far more data than usual, which is how bulk exfiltration through
    SQL and resource-exhaustion attacks show up. Database flags are the customer's configuration in
    Cloud SQL.

    The flag defaults to `-1` (no logging); a positive value logs only files above that size in
    kilobytes, so only `0` logs them all.

    The rule applies to PostgreSQL instances (`database_version` starting with `POSTGRES`).
  EOT
  remediation = "Add `database_flags { name = \"log_temp_files\" value = \"0\" }` to the instance's `settings`."
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
        equals = "log_temp_files"
      }
      attribute "value" {
        equals = "0"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {  # expect: google-sql-pg-log-temp-files
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
            name  = "log_temp_files"
            value = "-1"  # expect: google-sql-pg-log-temp-files
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
            name  = "log_temp_files"
            value = "0"
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
