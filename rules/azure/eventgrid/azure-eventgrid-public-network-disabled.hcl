rule "azure-eventgrid-public-network-disabled" {
  title     = "Event Grid topic or domain accepts events from public networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_eventgrid_topic", "azurerm_eventgrid_domain"]
  aliases   = ["CKV_AZURE_106", "CKV_AZURE_193"]

  description = <<-EOT
    An Event Grid topic or domain open to public networks accepts published events from anywhere that hold an access key or SAS token; subscribers (functions, webhooks, queues) act on those events, so a forged event triggers real work. Private endpoints or inbound IP rules restrict publishers; the customer configures them.

    `public_network_access_enabled` defaults to `true`, so an absent argument is reported.
  EOT
  remediation = "Set `public_network_access_enabled = false` and publish through private endpoints."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/eventgrid_topic#public_network_access_enabled",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/eventgrid_domain#public_network_access_enabled",
  ]

  assert {
    attribute "public_network_access_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_eventgrid_topic" "app" {
        name                = "egt-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        public_network_access_enabled = true  # expect: azure-eventgrid-public-network-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_eventgrid_topic" "app" {  # expect: azure-eventgrid-public-network-disabled
        name                = "egt-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_eventgrid_topic" "app" {
        name                = "egt-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        public_network_access_enabled = false
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_eventgrid_domain" "app" {
        name                = "egd-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        public_network_access_enabled = true  # expect: azure-eventgrid-public-network-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_eventgrid_domain" "app" {  # expect: azure-eventgrid-public-network-disabled
        name                = "egd-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_eventgrid_domain" "app" {
        name                = "egd-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        public_network_access_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = bool
      }

      resource "azurerm_eventgrid_topic" "app" {
        name                = "egt-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        public_network_access_enabled = var.setting
      }
    EOT
  }
}
