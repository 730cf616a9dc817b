rule "azure-eventgrid-local-auth-disabled" {
  title     = "Event Grid topic or domain accepts access keys (local authentication)"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_eventgrid_topic", "azurerm_eventgrid_domain"]
  aliases   = ["CKV_AZURE_192", "CKV_AZURE_195"]

  description = <<-EOT
    With local authentication on, any holder of the topic's static access key (or a SAS token made from it) can publish events, and subscribers act on them. Keys are shared secrets without an identity in the logs. Microsoft Entra ID authentication ties publishing to a role assignment (`EventGrid Data Sender`).

    `local_auth_enabled` defaults to `true`, so an absent argument is reported.
  EOT
  remediation = "Set `local_auth_enabled = false` and grant publishers the `EventGrid Data Sender` role."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/eventgrid_topic#local_auth_enabled",
    "https://learn.microsoft.com/en-us/azure/event-grid/authenticate-with-microsoft-entra-id",
  ]

  assert {
    attribute "local_auth_enabled" {
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
        local_auth_enabled = true  # expect: azure-eventgrid-local-auth-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_eventgrid_topic" "app" {  # expect: azure-eventgrid-local-auth-disabled
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
        local_auth_enabled = false
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_eventgrid_domain" "app" {
        name                = "egd-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        local_auth_enabled = true  # expect: azure-eventgrid-local-auth-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_eventgrid_domain" "app" {  # expect: azure-eventgrid-local-auth-disabled
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
        local_auth_enabled = false
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
        local_auth_enabled = var.setting
      }
    EOT
  }
}
