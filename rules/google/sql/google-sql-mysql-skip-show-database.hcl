rule "google-sql-mysql-skip-show-database" {
  title     = "MySQL instance lets every user list all databases"
  severity  = "low"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.1.2"]
  }
  resources = ["google_sql_database_instance"]

  description = <<-EOT
    Without `skip_show_database`, any account can run `SHOW DATABASES` and learn the name of every
    schema on the instance, which helps an attacker who holds a low-privileged login choose what
    to attack next. Database flags are the customer's configuration in Cloud SQL.

    The flag is off by default, so it must be set to `on`.

    The rule applies to MySQL instances (`database_version` starting with `MYSQL`).
  EOT
  remediation = "Add `database_flags { name = \"skip_show_database\" value = \"on\" }` to the instance's `settings`."
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
    some "settings.database_flags" {
      attribute "name" {
        equals = "skip_show_database"
      }
      attribute "value" {
        equals = "on"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {  # expect: google-sql-mysql-skip-show-database
        name             = "main"
        database_version = "MYSQL_8_0"
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
        database_version = "MYSQL_8_0"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          database_flags {
            name  = "skip_show_database"
            value = "off"  # expect: google-sql-mysql-skip-show-database
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
            name  = "skip_show_database"
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
        database_version = "POSTGRES_15"
        region           = "europe-west1"
        settings {
          tier = "db-custom-2-7680"
        }
      }
    EOT
  }
}
