rule "google-sql-require-ssl" {
  title     = "Cloud SQL instance accepts unencrypted connections"
  severity  = "high"
  area      = "data-protection"
  compliance = {
    "cis-gcp-2.0" = ["6.4"]
  }
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_6", "AVD-GCP-0015", "google-sql-encrypt-in-transit-data"]

  description = <<-EOT
    Unless SSL/TLS is required, clients may connect to the instance's IP addresses in clear text, so
    database credentials and query results can be captured on the network path. Connections through
    the Cloud SQL connectors are always encrypted, but direct IP connections are only if the instance
    insists. Requiring TLS is the customer's instance setting.

    The argument changed: `settings.ip_configuration.require_ssl` (boolean) was deprecated when
    `ssl_mode` arrived in google provider v5.6 and removed in v6.0. `ssl_mode` accepts
    `ALLOW_UNENCRYPTED_AND_ENCRYPTED`, `ENCRYPTED_ONLY` and `TRUSTED_CLIENT_CERTIFICATE_REQUIRED` (not
    for SQL Server). The instance is compliant when `ssl_mode` is one of the last two, or, when
    `ssl_mode` is not set, when the legacy `require_ssl = true`.
  EOT
  remediation = "Set `settings { ip_configuration { ssl_mode = \"ENCRYPTED_ONLY\" } }` (or `\"TRUSTED_CLIENT_CERTIFICATE_REQUIRED\"` to also require client certificates)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#ssl_mode",
    "https://cloud.google.com/sql/docs/mysql/configure-ssl-instance",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/guides/version_6_upgrade",
  ]

  assert {
    any {
      attribute "settings.ip_configuration.ssl_mode" {
        one_of = ["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"]
      }
      all {
        attribute "settings.ip_configuration.ssl_mode" {
          present = false
        }
        # google provider v5 and earlier
        attribute "settings.ip_configuration.require_ssl" {
          equals = true
        }
      }
    }
  }

  example "bad" {
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
            ssl_mode        = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"  # expect: google-sql-require-ssl
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "orders" {
        name             = "orders"
        database_version = "POSTGRES_15"
        region           = "europe-west1"

        settings {  # expect: google-sql-require-ssl
          tier = "db-custom-2-7680"
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

  example "good" {
    code = <<-EOT
      # google provider v5 spelling
      resource "google_sql_database_instance" "orders" {
        name             = "orders"
        database_version = "MYSQL_8_0"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          ip_configuration {
            ipv4_enabled    = false
            private_network = "projects/example-project/global/networks/prod"
            require_ssl     = true
          }
        }
      }
    EOT
  }
}
