rule "azure-cognitive-local-auth-disabled" {
  title     = "Cognitive Services / Azure AI account accepts access keys (local authentication)"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_cognitive_account"]
  aliases   = ["CKV_AZURE_236"]

  description = <<-EOT
    With local authentication on, the account's two static access keys grant full use of the account. Keys never expire, are shared between every caller, and are not tied to an identity in the logs; a leaked key works until someone rotates it. Microsoft Entra ID authentication with managed identities and RBAC removes the shared secret. Choosing the authentication method is the customer's responsibility.

    `local_auth_enabled` defaults to `true`, so an absent argument is reported.
  EOT
  remediation = "Set `local_auth_enabled = false` and grant callers an Azure RBAC role such as `Cognitive Services User` through managed identities."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cognitive_account#local_auth_enabled",
    "https://learn.microsoft.com/en-us/azure/ai-services/disable-local-auth",
  ]

  assert {
    attribute "local_auth_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_cognitive_account" "app" {
        name                = "cog-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        kind                = "OpenAI"
        sku_name            = "S0"
        local_auth_enabled = true  # expect: azure-cognitive-local-auth-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_cognitive_account" "app" {  # expect: azure-cognitive-local-auth-disabled
        name                = "cog-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        kind                = "OpenAI"
        sku_name            = "S0"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_cognitive_account" "app" {
        name                = "cog-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        kind                = "OpenAI"
        sku_name            = "S0"
        local_auth_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = bool
      }

      resource "azurerm_cognitive_account" "app" {
        name                = "cog-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        kind                = "OpenAI"
        sku_name            = "S0"
        local_auth_enabled = var.setting
      }
    EOT
  }
}
