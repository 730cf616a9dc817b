rule "google-sql-sqlserver-trace-flag-3625" {
  title     = "SQL Server instance shows full error details to non-administrators"
  severity  = "low"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.3.6"]
  }
  resources = ["google_sql_database_instance"]

  description = <<-EOT
    Without trace flag 3625, error messages returned to logins that are not sysadmin can include
    object names, values and other details that help an attacker map the database through
    deliberate errors, for example in SQL injection. Database flags are the customer's
    configuration in Cloud SQL.

    The flag is off by default, so it must be set to `on`.

    The rule applies to SQL Server instances (`database_version` starting with `SQLSERVER`).
  EOT
  remediation = "Add `database_flags { name = \"3625\" value = \"on\" }` to the instance's `settings`."
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
        equals = "3625"
      }
      attribute "value" {
        equals = "on"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {  # expect: google-sql-sqlserver-trace-flag-3625
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
            name  = "3625"
            value = "off"  # expect: google-sql-sqlserver-trace-flag-3625
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
            name  = "3625"
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
