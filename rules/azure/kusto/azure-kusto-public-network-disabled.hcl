rule "azure-kusto-public-network-disabled" {
  title     = "Data Explorer (Kusto) cluster accepts connections from public networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_kusto_cluster"]
  aliases   = []

  description = <<-EOT
    A Data Explorer cluster open to public networks serves queries and ingestion over the internet, with only Entra sign-in in front of the data (often logs and telemetry with personal data). Private endpoints restrict access; the customer configures them.

    `public_network_access_enabled` defaults to `true`, so an absent argument is reported.
  EOT
  remediation = "Set `public_network_access_enabled = false` and use private endpoints."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kusto_cluster#public_network_access_enabled",
    "https://learn.microsoft.com/en-us/azure/data-explorer/security-network-private-endpoint",
  ]

  assert {
    attribute "public_network_access_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kusto_cluster" "app" {
        name                = "kustoapp"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku {
          name     = "Standard_D13_v2"
          capacity = 2
        }
        public_network_access_enabled = true  # expect: azure-kusto-public-network-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kusto_cluster" "app" {  # expect: azure-kusto-public-network-disabled
        name                = "kustoapp"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku {
          name     = "Standard_D13_v2"
          capacity = 2
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_kusto_cluster" "app" {
        name                = "kustoapp"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku {
          name     = "Standard_D13_v2"
          capacity = 2
        }
        public_network_access_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = bool
      }

      resource "azurerm_kusto_cluster" "app" {
        name                = "kustoapp"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku {
          name     = "Standard_D13_v2"
          capacity = 2
        }
        public_network_access_enabled = var.setting
      }
    EOT
  }
}
