rule "google-sql-mysql-no-local-infile" {
  title     = "MySQL instance allows LOAD DATA LOCAL INFILE"
  severity  = "high"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.1.3"]
  }
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_50", "AVD-GCP-0026", "google-sql-mysql-no-local-infile"]

  description = <<-EOT
    With `local_infile` on, `LOAD DATA LOCAL` lets the server ask the connecting client to send any
    file the client can read. A malicious or compromised server, or SQL injection in an application
    that connects with local infile enabled, can read files from application hosts. Database flags
    are the customer's configuration in Cloud SQL.

    The flag is off by default, so only an explicit `on` is reported.

    The rule applies to MySQL instances (`database_version` starting with `MYSQL`).
  EOT
  remediation = "Remove the `local_infile` flag or set it to `off`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags",
    "https://cloud.google.com/sql/docs/mysql/flags",
  ]

  when {
    attribute "database_version" {
      matches = "^MYSQL"
    }
  }

  assert {
    none "settings.database_flags" {
      attribute "name" {
        equals = "local_infile"
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
        database_version = "MYSQL_8_0"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          database_flags {
            name  = "local_infile"
            value = "on"  # expect: google-sql-mysql-no-local-infile
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

          database_flags {
            name  = "local_infile"
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
        database_version = "POSTGRES_15"
        region           = "europe-west1"
        settings {
          tier = "db-custom-2-7680"
        }
      }
    EOT
  }
}
