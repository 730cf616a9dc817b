rule "google-sql-sqlserver-no-remote-access" {
  title     = "SQL Server instance allows remote execution of stored procedures"
  severity  = "medium"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.3.5"]
  }
  resources = ["google_sql_database_instance"]

  description = <<-EOT
    The `remote access` option lets stored procedures be run from and on other SQL Server instances
    (remote procedure calls). It widens what a compromised login or linked server can do, and it
    can be abused to run procedures against other servers. Database flags are the customer's
    configuration in Cloud SQL.

    SQL Server turns the option on by default, so the flag must be set to `off`.

    The rule applies to SQL Server instances (`database_version` starting with `SQLSERVER`).
  EOT
  remediation = "Add `database_flags { name = \"remote access\" value = \"off\" }` to the instance's `settings`."
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
    some "settings.database_flags" {
      attribute "name" {
        equals = "remote access"
      }
      attribute "value" {
        equals = "off"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {  # expect: google-sql-sqlserver-no-remote-access
        name             = "main"
        database_version = "SQLSERVER_2019_STANDARD"
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
        database_version = "SQLSERVER_2019_STANDARD"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          database_flags {
            name  = "remote access"
            value = "on"  # expect: google-sql-sqlserver-no-remote-access
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
            name  = "remote access"
            value = "off"
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
