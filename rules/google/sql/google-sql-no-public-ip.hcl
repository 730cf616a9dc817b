rule "google-sql-no-public-ip" {
  title     = "Cloud SQL instance has a public IPv4 address"
  severity  = "medium"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.2.9", "6.6"]
  }
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_60", "AVD-GCP-0017", "google-sql-no-public-access"]

  description = <<-EOT
    An instance with a public IPv4 address has a database endpoint on the internet. Only its
    authorized networks and the Cloud SQL connectors stand between it and attackers, and one broad
    authorized network (added for a quick test) exposes the database login to the world. A private IP
    on a VPC, reached through Private Service Access or Private Service Connect, keeps the database off
    the internet. Google runs the instance; its network placement is the customer's choice.

    `settings.ip_configuration.ipv4_enabled` is `true` unless set (the provider schema default; a
    missing `ip_configuration` block also yields a public IP), so the rule asks for an explicit
    `false`, together with a `private_network` or Private Service Connect for connectivity.
  EOT
  remediation = "Set `settings { ip_configuration { ipv4_enabled = false, private_network = <VPC self link> } }` and connect over private IP (or Private Service Connect)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#ipv4_enabled",
    "https://cloud.google.com/sql/docs/mysql/private-ip",
  ]

  assert {
    attribute "settings.ip_configuration.ipv4_enabled" {
      equals = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "orders" {
        name             = "orders"
        database_version = "POSTGRES_15"
        region           = "europe-west1"

        settings {  # expect: google-sql-no-public-ip
          tier = "db-custom-2-7680"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "orders" {
        name             = "orders"
        database_version = "MYSQL_8_0"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          ip_configuration {
            ipv4_enabled = true  # expect: google-sql-no-public-ip
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_sql_database_instance" "orders" {
        name             = "orders"
        database_version = "POSTGRES_15"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          ip_configuration {
            ipv4_enabled    = false
            private_network = "projects/example-project/global/networks/prod"
            ssl_mode        = "ENCRYPTED_ONLY"
          }
        }
      }
    EOT
  }
}
