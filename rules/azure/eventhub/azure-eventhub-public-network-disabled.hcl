rule "azure-eventhub-public-network-disabled" {
  title     = "Event Hubs namespace accepts connections from public networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_eventhub_namespace"]
  aliases   = []

  description = <<-EOT
    An Event Hubs namespace open to public networks accepts producers and consumers from anywhere that hold a SAS key or token; event streams often carry telemetry, logs and business events. Private endpoints or a network rule set restrict who can connect; the customer configures them.

    `public_network_access_enabled` defaults to `true`, so an absent argument is reported. A namespace that must stay public with IP rules is a deliberate choice to suppress with a reason.
  EOT
  remediation = "Set `public_network_access_enabled = false` and connect through private endpoints."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/eventhub_namespace#public_network_access_enabled",
    "https://learn.microsoft.com/en-us/azure/event-hubs/private-link-service",
  ]

  assert {
    attribute "public_network_access_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_eventhub_namespace" "app" {
        name                = "evhns-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Standard"
        public_network_access_enabled = true  # expect: azure-eventhub-public-network-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_eventhub_namespace" "app" {  # expect: azure-eventhub-public-network-disabled
        name                = "evhns-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Standard"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_eventhub_namespace" "app" {
        name                = "evhns-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Standard"
        public_network_access_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = bool
      }

      resource "azurerm_eventhub_namespace" "app" {
        name                = "evhns-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Standard"
        public_network_access_enabled = var.setting
      }
    EOT
  }
}
