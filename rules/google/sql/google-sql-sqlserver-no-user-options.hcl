rule "google-sql-sqlserver-no-user-options" {
  title     = "SQL Server instance sets the user options flag"
  severity  = "low"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.3.4"]
  }
  resources = ["google_sql_database_instance"]

  description = <<-EOT
    The `user options` flag sets server-wide defaults for session options of every user (for
    example `ANSI_WARNINGS`, `ARITHABORT`, `IMPLICIT_TRANSACTIONS`). Changing them for every session
    silently alters how queries and transactions behave, which can hide errors or leave
    transactions open. Database flags are the customer's configuration in Cloud SQL.

    The flag is unset by default; an instance that sets it at all is reported. The rule applies to
    SQL Server instances (`database_version` starting with `SQLSERVER`).
  EOT
  remediation = "Remove the `user options` entry from `settings.database_flags` and set session options in the applications that need them."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags",
    "https://cloud.google.com/sql/docs/sqlserver/flags",
  ]

  when {
    attribute "database_version" {
      matches = "^SQLSERVER"
    }
  }

  assert {
    none "settings.database_flags" {
      attribute "name" {
        equals = "user options"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {
        name             = "main"
        database_version = "SQLSERVER_2019_STANDARD"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          database_flags {
            name  = "user options"  # expect: google-sql-sqlserver-no-user-options
            value = "16"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {
        name             = "main"
        database_version = "SQLSERVER_2019_STANDARD"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          database_flags {
            name  = "cross db ownership chaining"
            value = "off"
          }
        }
      }
    EOT
  }
}
