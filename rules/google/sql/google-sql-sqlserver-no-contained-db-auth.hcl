rule "google-sql-sqlserver-no-contained-db-auth" {
  title     = "SQL Server instance does not turn off contained database authentication"
  severity  = "medium"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.3.7"]
  }
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_59", "AVD-GCP-0023", "google-sql-no-contained-db-auth"]

  description = <<-EOT
    Contained database authentication lets users authenticate against a database without a login
    at the instance level. Those users escape the instance's login policies and audit, and a
    database owner can create users who reach the instance. Database flags are the customer's
    configuration in Cloud SQL.

    The flag must be set to `off` explicitly, as the CIS benchmark asks; an instance without it
    is reported.

    The rule applies to SQL Server instances (`database_version` starting with `SQLSERVER`).
  EOT
  remediation = "Add `database_flags { name = \"contained database authentication\" value = \"off\" }` to the instance's `settings`."
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
        equals = "contained database authentication"
      }
      attribute "value" {
        equals = "off"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {  # expect: google-sql-sqlserver-no-contained-db-auth
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
            name  = "contained database authentication"
            value = "on"  # expect: google-sql-sqlserver-no-contained-db-auth
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
            name  = "contained database authentication"
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
