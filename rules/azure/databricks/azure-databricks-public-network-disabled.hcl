rule "azure-databricks-public-network-disabled" {
  title     = "Databricks workspace accepts connections from public networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_databricks_workspace"]
  aliases   = []

  description = <<-EOT
    A Databricks workspace open to public networks serves its web UI and REST API (notebooks, jobs, secrets scopes, cluster control) to the internet, protected only by sign-in and tokens; personal access tokens leak easily. Private Link front-end access keeps the workspace off the internet; the customer configures it.

    `public_network_access_enabled` defaults to `true`, so an absent argument is reported.
  EOT
  remediation = "Set `public_network_access_enabled = false` with `network_security_group_rules_required = \"NoAzureDatabricksRules\"` and private endpoints (Premium SKU)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/databricks_workspace#public_network_access_enabled",
    "https://learn.microsoft.com/en-us/azure/databricks/security/network/classic/private-link",
  ]

  assert {
    attribute "public_network_access_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_databricks_workspace" "app" {
        name                = "dbw-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "premium"
        public_network_access_enabled = true  # expect: azure-databricks-public-network-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_databricks_workspace" "app" {  # expect: azure-databricks-public-network-disabled
        name                = "dbw-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "premium"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_databricks_workspace" "app" {
        name                = "dbw-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "premium"
        public_network_access_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = bool
      }

      resource "azurerm_databricks_workspace" "app" {
        name                = "dbw-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "premium"
        public_network_access_enabled = var.setting
      }
    EOT
  }
}
