rule "azure-database-require-secure-transport" {
  title     = "Database server accepts connections without TLS"
  severity  = "high"
  area      = "data-protection"
  resources = [
    "azurerm_postgresql_flexible_server_configuration",
    "azurerm_mysql_flexible_server_configuration",
    "azurerm_postgresql_server",
    "azurerm_mysql_server",
    "azurerm_mariadb_server",
  ]
  aliases = ["CKV_AZURE_28", "CKV_AZURE_29", "CKV_AZURE_47", "AVD-AZU-0020", "azure-database-enable-ssl-enforcement"]

  compliance = { "cis-azure-3.0" = ["5.2.1", "5.3.1"] }
  description = <<-EOT
    When TLS is not enforced, clients may connect in clear text and send the database password and
    every query result over the network unencrypted, readable by anyone on the path. Azure's managed
    PostgreSQL and MySQL servers enforce TLS by default; turning enforcement off is a customer
    configuration change.

    Which resource carries the setting depends on the server type:
    - Flexible servers have no `ssl_enforcement_enabled` argument. TLS is enforced by the
      `require_secure_transport` server parameter (on by default), which Terraform changes with an
      `azurerm_postgresql_flexible_server_configuration` or
      `azurerm_mysql_flexible_server_configuration`; the rule reports such a resource that sets it to
      `off`.
    - The retired single servers use `ssl_enforcement_enabled` (required): on
      `azurerm_mysql_server` and `azurerm_mariadb_server` until azurerm v3 and on
      `azurerm_postgresql_server` until v4. All three were removed from the provider by v5.
  EOT
  remediation = "Delete the server parameter override (or set its value to `on`), and on single servers set `ssl_enforcement_enabled = true`; then make clients connect with `sslmode=require` or stricter."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_configuration",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server_configuration",
    "https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-security",
    "https://registry.terraform.io/providers/hashicorp/azurerm/3.117.1/docs/resources/mysql_server#ssl_enforcement_enabled",
  ]

  assert {
    # Flexible servers: a server parameter override that switches TLS enforcement off.
    not {
      attribute "name" {
        matches = "(?i)^require_secure_transport$"
      }
      attribute "value" {
        matches = "(?i)^(off|0|false)$"
      }
    }
    # Single servers: ssl_enforcement_enabled (absent on the configuration resources).
    any {
      attribute "ssl_enforcement_enabled" {
        present = false
      }
      attribute "ssl_enforcement_enabled" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server_configuration" "no_tls" {
        name      = "require_secure_transport"
        server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-app"
        value     = "off"  # expect: azure-database-require-secure-transport
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server_configuration" "no_tls" {
        name                = "require_secure_transport"
        resource_group_name = "rg-data"
        server_name         = "mysql-app"
        value               = "OFF"  # expect: azure-database-require-secure-transport
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mysql_server" "legacy" {
        name                         = "mysql-legacy"
        location                     = "westeurope"
        resource_group_name          = "rg-data"
        sku_name                     = "GP_Gen5_2"
        version                      = "8.0"
        administrator_login          = "mysqladmin"
        administrator_login_password = "Example-Passw0rd!"
        ssl_enforcement_enabled      = false  # expect: azure-database-require-secure-transport
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server_configuration" "tls" {
        name      = "require_secure_transport"
        server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-app"
        value     = "on"
      }

      resource "azurerm_postgresql_flexible_server_configuration" "timeout" {
        name      = "idle_in_transaction_session_timeout"
        server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-app"
        value     = "0"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mysql_server" "legacy" {
        name                         = "mysql-legacy"
        location                     = "westeurope"
        resource_group_name          = "rg-data"
        sku_name                     = "GP_Gen5_2"
        version                      = "8.0"
        administrator_login          = "mysqladmin"
        administrator_login_password = "Example-Passw0rd!"
        ssl_enforcement_enabled      = true
      }
    EOT
  }
}
