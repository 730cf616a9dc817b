rule "google-sql-sqlserver-no-cross-db-ownership-chaining" {
  title     = "SQL Server instance does not turn off cross-database ownership chaining"
  severity  = "medium"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.3.2"]
  }
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_58", "AVD-GCP-0019", "google-sql-no-cross-db-ownership-chaining"]

  description = <<-EOT
    Cross-database ownership chaining lets a user who owns objects in one database reach objects in
    another database owned by the same login without being granted access there, so a database
    owner can escalate into every other database of the instance. Database flags are the customer's
    configuration in Cloud SQL.

    The flag must be set to `off` explicitly, as the CIS benchmark asks; an instance without it
    is reported.

    The rule applies to SQL Server instances (`database_version` starting with `SQLSERVER`).
  EOT
  remediation = "Add `database_flags { name = \"cross db ownership chaining\" value = \"off\" }` to the instance's `settings`."
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
        equals = "cross db ownership chaining"
      }
      attribute "value" {
        equals = "off"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {  # expect: google-sql-sqlserver-no-cross-db-ownership-chaining
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
            name  = "cross db ownership chaining"
            value = "on"  # expect: google-sql-sqlserver-no-cross-db-ownership-chaining
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
