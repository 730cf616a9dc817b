rule "azure-database-mysql-flexible-audit-log" {
  title     = "MySQL flexible server does not turn on the audit log"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_mysql_flexible_server"]

  compliance = { "cis-azure-3.0" = ["5.3.3"] }
  description = <<-EOT
    MySQL flexible server writes connection and query audit events only when the server parameter
    `audit_log_enabled` is `ON`; it is `OFF` by default. Without it, logins (including failed ones
    and those with stolen credentials) and administrative statements leave no trace for an
    investigation. The server parameters are the customer's configuration.

    The server is compliant when an `azurerm_mysql_flexible_server_configuration` refers to it
    (`server_name`) with `name = "audit_log_enabled"` and `value = "ON"`. A parameter set outside
    Terraform cannot be seen; suppress the finding with a reason in that case.
  EOT
  remediation = "Add `resource \"azurerm_mysql_flexible_server_configuration\" \"audit\" { name = \"audit_log_enabled\"  server_name = azurerm_mysql_flexible_server.x.name  resource_group_name = ...  value = \"ON\" }` and send the `MySqlAuditLogs` category to a workspace with a diagnostic setting."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server_configuration",
    "https://learn.microsoft.com/en-us/azure/mysql/flexible-server/concepts-audit-logs",
  ]

  assert {
    linked "azurerm_mysql_flexible_server_configuration" {
      via   = "server_name"
      match = "name"
      attribute "name" {
        equals = "audit_log_enabled"
      }
      attribute "value" {
        one_of = ["ON", "on"]
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server" "app" {  # expect: azure-database-mysql-flexible-audit-log
        name                = "mysql-app"
        resource_group_name = "rg-data"
        location            = "westeurope"
        sku_name            = "GP_Standard_D2ds_v4"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server" "app" {  # expect: azure-database-mysql-flexible-audit-log
        name                = "mysql-app"
        resource_group_name = "rg-data"
        location            = "westeurope"
        sku_name            = "GP_Standard_D2ds_v4"
      }

      resource "azurerm_mysql_flexible_server_configuration" "audit" {
        name                = "audit_log_enabled"
        resource_group_name = "rg-data"
        server_name         = azurerm_mysql_flexible_server.app.name
        value               = "OFF"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server" "app" {
        name                = "mysql-app"
        resource_group_name = "rg-data"
        location            = "westeurope"
        sku_name            = "GP_Standard_D2ds_v4"
      }

      resource "azurerm_mysql_flexible_server_configuration" "tls" {
        name                = "require_secure_transport"
        resource_group_name = "rg-data"
        server_name         = azurerm_mysql_flexible_server.app.name
        value               = "ON"
      }

      resource "azurerm_mysql_flexible_server_configuration" "audit" {
        name                = "audit_log_enabled"
        resource_group_name = "rg-data"
        server_name         = azurerm_mysql_flexible_server.app.name
        value               = "ON"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server" "app" {
        name                = "mysql-app"
        resource_group_name = "rg-data"
        location            = "westeurope"
        sku_name            = "GP_Standard_D2ds_v4"
      }

      resource "azurerm_mysql_flexible_server_configuration" "audit" {
        name                = "audit_log_enabled"
        resource_group_name = "rg-data"
        server_name         = "mysql-app"
        value               = "ON"
      }
    EOT
  }
}
