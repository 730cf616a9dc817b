rule "azure-database-postgres-flexible-firewall-allows-all-azure" {
  title     = "PostgreSQL flexible server firewall rule admits every Azure service (0.0.0.0 to 0.0.0.0)"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_postgresql_flexible_server_firewall_rule"]

  compliance = { "cis-azure-3.0" = ["5.2.5"] }
  description = <<-EOT
    A firewall rule from `0.0.0.0` to `0.0.0.0` is the "allow public access from any Azure service"
    switch. It does not mean "my services": it admits connections from every Azure IP address, so
    any virtual machine, function or container of any Azure customer can reach the server's login
    prompt. The server then relies on its credentials alone against a very large set of sources.
    Which networks may connect is the customer's side of the managed database.

    The rule reports that rule on `azurerm_postgresql_flexible_server_firewall_rule` (the other
    database types are checked by `azure-database-firewall-allows-all-azure`). A rule opening the whole internet (`0.0.0.0` to `255.255.255.255`) is reported by
    `azure-database-firewall-no-internet-range`. Severity is medium: reachable from anyone's Azure
    resources, not from the whole internet.
  EOT
  remediation = "Remove the rule; give the clients that need the server private access (VNet integration, private endpoints) or add firewall rules for their specific outbound addresses."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_firewall_rule",
    "https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-firewall-rules#connect-from-azure",
  ]

  assert {
    not {
      attribute "start_ip_address" {
        equals = "0.0.0.0"
      }
      attribute "end_ip_address" {
        equals = "0.0.0.0"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server_firewall_rule" "azure" {
        name             = "AllowAllAzureServicesAndResourcesWithinAzureIps"
        server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-orders"
        start_ip_address = "0.0.0.0"
        end_ip_address   = "0.0.0.0"  # expect: azure-database-postgres-flexible-firewall-allows-all-azure
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server_firewall_rule" "office" {
        name             = "office"
        server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-orders"
        start_ip_address = "203.0.113.0"
        end_ip_address   = "203.0.113.255"
      }
    EOT
  }
}
