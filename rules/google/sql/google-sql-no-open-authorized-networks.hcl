rule "google-sql-no-open-authorized-networks" {
  title     = "Cloud SQL instance authorizes connections from the whole internet"
  severity  = "high"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.5"]
  }
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_11", "AVD-GCP-0017", "google-sql-no-public-access"]

  description = <<-EOT
    An authorized network of `0.0.0.0/0` (or `::/0`) lets any host on the internet connect directly
    to the instance's public IP and try to log in to the database, bypassing the Cloud SQL Auth Proxy
    and its IAM check. Exposed database ports are scanned constantly and attacked with credential
    stuffing and engine exploits. The authorized network list is the customer's configuration.

    Entries written by a `dynamic "authorized_networks"` block are checked once their values are
    known (a variable's default, tfvars or locals); an entry whose value is unknown is not reported.
  EOT
  remediation = "Replace the `0.0.0.0/0` entry in `settings.ip_configuration.authorized_networks` with the specific client ranges, or connect through the Cloud SQL Auth Proxy / private IP instead."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#authorized_networks",
    "https://cloud.google.com/sql/docs/mysql/connect-admin-proxy",
  ]

  assert {
    none "settings.ip_configuration.authorized_networks" {
      attribute "value" {
        one_of = ["0.0.0.0/0", "::/0"]
      }
    }
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
            ipv4_enabled = true
            ssl_mode     = "ENCRYPTED_ONLY"

            authorized_networks {
              name  = "office"
              value = "203.0.113.0/24"
            }

            authorized_networks {
              name  = "anyone"
              value = "0.0.0.0/0"  # expect: google-sql-no-open-authorized-networks
            }
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "client_networks" {
        default = [
          { name = "office", cidr = "203.0.113.0/24" },
          { name = "anywhere", cidr = "0.0.0.0/0" },
        ]
      }

      resource "google_sql_database_instance" "orders" {
        name             = "orders"
        database_version = "POSTGRES_15"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          ip_configuration {
            ipv4_enabled = true

            dynamic "authorized_networks" {
              for_each = var.client_networks
              content {
                name  = authorized_networks.value.name
                value = authorized_networks.value.cidr  # expect: google-sql-no-open-authorized-networks
              }
            }
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_sql_database_instance" "orders" {
        name             = "orders"
        database_version = "MYSQL_8_0"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          ip_configuration {
            ipv4_enabled = true
            ssl_mode     = "ENCRYPTED_ONLY"

            authorized_networks {
              name  = "office"
              value = "203.0.113.0/24"
            }
          }
        }
      }
    EOT
  }
}
