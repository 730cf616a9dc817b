rule "azure-database-postgres-flexible-connection-throttling" {
  title     = "PostgreSQL flexible server does not throttle repeated failed logins"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_postgresql_flexible_server"]

  compliance = { "cis-azure-3.0" = ["5.2.3"] }
  description = <<-EOT
    `connection_throttle.enable` makes the server slow down connection attempts from an address
    after repeated failed logins. Without it, password guessing against the server's
    administrator or application logins runs at full speed, and a flood of failed connections
    also uses up the connection slots legitimate clients need. Server parameters are the
    customer's side of the managed database.

    The parameter is off by default on Azure Database for PostgreSQL flexible server, so the rule
    asks for an `azurerm_postgresql_flexible_server_configuration` that refers to the server
    through `server_id` and sets `connection_throttle.enable` to `on`. A parameter set outside
    Terraform is not seen; suppress the finding there. Severity is low: a brute-force brake
    missing, on a server that still needs valid credentials.
  EOT
  remediation = "Add `resource \"azurerm_postgresql_flexible_server_configuration\" \"x\" { name = \"connection_throttle.enable\"  server_id = azurerm_postgresql_flexible_server.<name>.id  value = \"on\" }`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_configuration",
    "https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-server-parameters",
  ]

  assert {
    linked "azurerm_postgresql_flexible_server_configuration" {
      via = "server_id"
      attribute "name" {
        equals = "connection_throttle.enable"
      }
      attribute "value" {
        matches = "(?i)^on$"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server" "orders" {  # expect: azure-database-postgres-flexible-connection-throttling
        name                          = "pg-orders"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        version                       = "16"
        sku_name                      = "GP_Standard_D2ds_v5"
        storage_mb                    = 65536
        public_network_access_enabled = false

        authentication {
          active_directory_auth_enabled = true
          password_auth_enabled         = false
          tenant_id                     = "00000000-0000-0000-0000-000000000000"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server" "orders" {  # expect: azure-database-postgres-flexible-connection-throttling
        name                          = "pg-orders"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        version                       = "16"
        sku_name                      = "GP_Standard_D2ds_v5"
        storage_mb                    = 65536
        public_network_access_enabled = false
      }

      resource "azurerm_postgresql_flexible_server_configuration" "param" {
        name      = "connection_throttle.enable"
        server_id = azurerm_postgresql_flexible_server.orders.id
        value     = "off"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server" "orders" {
        name                          = "pg-orders"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        version                       = "16"
        sku_name                      = "GP_Standard_D2ds_v5"
        storage_mb                    = 65536
        public_network_access_enabled = false
      }

      resource "azurerm_postgresql_flexible_server_configuration" "param" {
        name      = "connection_throttle.enable"
        server_id = azurerm_postgresql_flexible_server.orders.id
        value     = "ON"
      }
    EOT
  }
}
