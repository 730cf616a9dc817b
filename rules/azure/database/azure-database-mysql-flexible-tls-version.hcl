rule "azure-database-mysql-flexible-tls-version" {
  title     = "MySQL flexible server parameter allows TLS 1.0 or 1.1"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_mysql_flexible_server_configuration"]
  compliance = { "cis-azure-3.0" = ["5.3.2"] }

  description = <<-EOT
    The `tls_version` server parameter lists the TLS versions a MySQL flexible server accepts.
    Adding `TLSv1` or `TLSv1.1` lets clients connect (and send credentials and data) over protocols
    with known weaknesses. The server parameters are the customer's configuration.

    The rule reports an `azurerm_mysql_flexible_server_configuration` with `name = "tls_version"`
    whose value includes `TLSv1` or `TLSv1.1`. A server without the override keeps the service
    default (TLS 1.2 and later) and is not reported.
  EOT
  remediation = "Set the `tls_version` parameter to `TLSv1.2` or `TLSv1.2,TLSv1.3`, or remove the override."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server_configuration",
    "https://learn.microsoft.com/en-us/azure/mysql/flexible-server/concepts-networking#tls-and-ssl",
  ]

  when {
    attribute "name" {
      equals = "tls_version"
    }
  }

  assert {
    attribute "value" {
      not_matches = "(?i)TLSv1(\\.1)?\\s*(,|$)"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server_configuration" "tls" {
        name                = "tls_version"
        resource_group_name = "rg-data"
        server_name         = "mysql-app"
        value               = "TLSv1.1,TLSv1.2"  # expect: azure-database-mysql-flexible-tls-version
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server_configuration" "tls" {
        name                = "tls_version"
        resource_group_name = "rg-data"
        server_name         = "mysql-app"
        value               = "TLSv1,TLSv1.1,TLSv1.2"  # expect: azure-database-mysql-flexible-tls-version
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server_configuration" "tls" {
        name                = "tls_version"
        resource_group_name = "rg-data"
        server_name         = "mysql-app"
        value               = "TLSv1.2,TLSv1.3"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server_configuration" "tz" {
        name                = "time_zone"
        resource_group_name = "rg-data"
        server_name         = "mysql-app"
        value               = "+00:00"
      }
    EOT
  }
}
