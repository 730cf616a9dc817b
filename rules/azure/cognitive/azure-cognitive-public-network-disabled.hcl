rule "azure-cognitive-public-network-disabled" {
  title     = "Cognitive Services / Azure AI account accepts connections from public networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_cognitive_account"]
  aliases   = ["CKV_AZURE_134"]

  description = <<-EOT
    An Azure AI services (Cognitive Services, Azure OpenAI) account open to public networks lets anyone with a leaked key or token call the models from anywhere, running up cost and reading whatever the account has access to (fine-tuning data, connected search indexes). Private endpoints restrict where the account can be called from; the customer configures them.

    `public_network_access_enabled` defaults to `true`, so an absent argument is reported. A `network_acls` block with `default_action = "Deny"` also limits access; this rule asks the stricter question of public network access itself, as Checkov does. Severity is medium: key or Entra authentication still guards the endpoint.
  EOT
  remediation = "Set `public_network_access_enabled = false` and use private endpoints (set `custom_subdomain_name`, which private endpoints require)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cognitive_account#public_network_access_enabled",
    "https://learn.microsoft.com/en-us/azure/ai-services/cognitive-services-virtual-networks",
  ]

  assert {
    attribute "public_network_access_enabled" {
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
        public_network_access_enabled = true  # expect: azure-cognitive-public-network-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_cognitive_account" "app" {  # expect: azure-cognitive-public-network-disabled
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
        public_network_access_enabled = false
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
        public_network_access_enabled = var.setting
      }
    EOT
  }
}
