rule "google-sql-sqlserver-no-external-scripts" {
  title     = "SQL Server instance allows external scripts"
  severity  = "medium"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.3.1"]
  }
  resources = ["google_sql_database_instance"]

  description = <<-EOT
    `external scripts enabled` lets `sp_execute_external_script` run R and Python code from inside
    the database, with the service's privileges and outside SQL Server's own permission model. A
    login that can run it can execute arbitrary code. Database flags are the customer's
    configuration in Cloud SQL.

    The option is off by default, so only an explicit `on` is reported.

    The rule applies to SQL Server instances (`database_version` starting with `SQLSERVER`).
  EOT
  remediation = "Remove the `external scripts enabled` flag or set it to `off`."
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
        equals = "external scripts enabled"
      }
      attribute "value" {
        one_of = ["on"]
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
            name  = "external scripts enabled"
            value = "on"  # expect: google-sql-sqlserver-no-external-scripts
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
            name  = "external scripts enabled"
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
